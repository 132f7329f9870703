import { optionText, reportFailure, type CliContext } from '../context.js';
import { instantOption } from './ledger-args.js';

/** `station checkout`: a recorder handed to an officer after its three pre-use checks (Art. 4, 7). */
export async function checkoutCommand(context: CliContext): Promise<number> {
  const text = (name: string) => optionText(context, name);
  const request = {
    deviceSerial: text('device'),
    officerNumber: text('officer'),
    checks: { battery: text('battery'), storage: text('storage'), clock: text('clock') },
    category: text('category'),
    caseNumber: text('case-number'),
    caseName: text('case-name'),
    place: text('place'),
    expectedReturnAt: instantOption(context, 'expected-return'),
    remote: context.options.values.remote === true,
    at: instantOption(context, 'at'),
  };
  const result = await context.station.call('ledger.checkout', request, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  const receipt = result.value;
  if (context.options.json) context.out(JSON.stringify(receipt));
  else context.out(`checked out: ${receipt.device.serial} to ${receipt.officer.name} (${receipt.officer.officerNumber}) at ${receipt.checkedOutAt}, check-out ${receipt.checkoutId}`);
  return 0;
}

/** `station checkin`: the recorder is back; its footage is due within the deadline setting (Art. 13). */
export async function checkinCommand(context: CliContext): Promise<number> {
  const request = {
    deviceSerial: optionText(context, 'device'),
    at: instantOption(context, 'at'),
    condition: optionText(context, 'condition'),
    note: optionText(context, 'note'),
    arrivedAt: instantOption(context, 'arrived'),
    leftAt: instantOption(context, 'left'),
  };
  const result = await context.station.call('ledger.checkin', request, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  const receipt = result.value;
  if (context.options.json) context.out(JSON.stringify(receipt));
  else context.out(`checked in: check-out ${receipt.checkoutId} returned at ${receipt.returnedAt}; store its footage by ${receipt.deadline}`);
  return 0;
}
