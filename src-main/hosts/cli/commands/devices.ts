import { DeviceType, type AttachedVolume, type Device } from '../../../contract/index.js';
import { reportFailure, type CliContext } from '../context.js';
import { formatBytes } from '../format.js';

const describeVolume = (v: AttachedVolume): string =>
  [
    v.mountpoint,
    v.label ?? '-',
    v.sizeBytes === null ? '-' : formatBytes(v.sizeBytes),
    v.device ? `${v.device.serial} (${v.how})` : `unknown device${v.serial ? `, serial ${v.serial} on it` : ''}`,
  ].join('\t');

/** `station devices`: the volumes attached now, each with the registered device it was recognised as. */
export async function devicesCommand(context: CliContext): Promise<number> {
  const result = await context.station.call('volumes.list', { anyVolume: context.options.anyVolume }, context.caller);
  if (!result.ok) return reportFailure(context, result.error);
  if (context.options.json) {
    context.out(JSON.stringify(result.value));
  } else {
    for (const volume of result.value) context.out(describeVolume(volume));
    context.err(`${result.value.length} volumes${context.options.anyVolume ? '' : ' (removable only; --any-volume for all)'}`);
  }
  return 0;
}

const describeDevice = (d: Device): string =>
  [d.id, d.serial, d.type, d.name ?? '-', d.model ?? '-', d.assetNumber ?? '-', d.status].join('\t');

/** `station device add|list`: the device registry (Art. 2, 3). */
export async function deviceCommand(context: CliContext): Promise<number> {
  const [action] = context.args;
  const { station, caller, options } = context;
  if (action === 'list') {
    const result = await station.call('devices.list', {}, caller);
    if (!result.ok) return reportFailure(context, result.error);
    if (options.json) context.out(JSON.stringify(result.value));
    else result.value.forEach((device) => context.out(describeDevice(device)));
    return 0;
  }
  if (action === 'add') {
    if (!options.serial || !options.type) {
      return reportFailure(context, {
        code: 'invalid-input',
        message: `device add needs --serial S --type T (T one of ${DeviceType.options.join(', ')})`,
      });
    }
    const result = await station.call(
      'devices.add',
      { serial: options.serial, type: options.type, name: options.name, model: options.model, assetNumber: options.asset },
      caller,
    );
    if (!result.ok) return reportFailure(context, result.error);
    context.out(options.json ? JSON.stringify(result.value) : `registered ${describeDevice(result.value)}`);
    return 0;
  }
  return reportFailure(context, { code: 'invalid-input', message: 'use: station device add --serial S --type T | station device list' });
}
