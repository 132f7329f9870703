// The device registry, and recognising which registered device a volume or folder is.
export { devicesModule } from './devices-module.js';
export { findDeviceBySerial, getDevice } from './device-store.js';
export { publicDevice } from './public-device.js';
export { recognizeVolume, rememberVolume, type Recognition } from './recognize-volume.js';
