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
  const result = await context.station.call('volumes.list', { anyVolume: context.options.anyVolume }, context.credentials);
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
  [d.id, d.serial, d.type, d.name ?? '-', d.model ?? '-', d.assetNumber ?? '-', d.status, d.metadataLocalTime ? 'local-time' : 'utc'].join('\t');

const deviceUsage = 'use: station device add --serial S --type T | station device list | station device local-time <id> on|off';

/** `station device local-time <id> on|off`: the clerk's confirmation that a recorder writes local time into its MP4 header times. */
async function setLocalTime(context: CliContext, id: string | undefined, setting: string | undefined): Promise<number> {
  if (id === undefined || !/^\d+$/.test(id) || (setting !== 'on' && setting !== 'off')) {
    return reportFailure(context, { code: 'invalid-input', message: deviceUsage });
  }
  const result = await context.station.call('devices.setMetadataLocalTime', { id: Number(id), localTime: setting === 'on' }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error);
  context.out(context.options.json ? JSON.stringify(result.value) : `updated ${describeDevice(result.value)}`);
  return 0;
}

/** `station device add|list|local-time`: the device registry (Art. 2, 3). */
export async function deviceCommand(context: CliContext): Promise<number> {
  const [action, ...rest] = context.args;
  const { station, credentials, options } = context;
  if (action === 'local-time') return setLocalTime(context, rest[0], rest[1]);
  if (action === 'list') {
    const result = await station.call('devices.list', {}, credentials);
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
      credentials,
    );
    if (!result.ok) return reportFailure(context, result.error);
    context.out(options.json ? JSON.stringify(result.value) : `registered ${describeDevice(result.value)}`);
    return 0;
  }
  return reportFailure(context, { code: 'invalid-input', message: deviceUsage });
}
