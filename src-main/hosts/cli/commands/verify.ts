import { reportFailure, type CliContext } from '../context.js';

export async function verifyCommand(context: CliContext): Promise<number> {
  const result = await context.station.call('archive.verify', {}, context.credentials);
  if (!result.ok) return reportFailure(context, result.error);
  const { checked, problems } = result.value;
  if (context.options.json) context.out(JSON.stringify(result.value));
  else {
    for (const p of problems) context.out(`${p.problem.padEnd(8)} ${p.path}`);
    context.out(problems.length === 0 ? `archive intact: ${checked} files checked` : `${problems.length} problems in ${checked} files`);
  }
  return problems.length === 0 ? 0 : 1;
}
