import { DeviceStatus, DeviceType, RecognitionMethod } from '../../contract/index.js';

export type { DeviceStatus, DeviceType };

/** Device kinds the regulation names (Art. 2, 3): 执法记录仪, camera, audio recorder, video camera, 手持执法终端. */
export const deviceTypes: readonly DeviceType[] = DeviceType.options;
export const deviceStatuses: readonly DeviceStatus[] = DeviceStatus.options;

/** How a volume was tied to a device, strongest first; also the kinds of identity the station remembers. */
export type RecognitionBasis = NonNullable<RecognitionMethod>;
export const recognitionBases: readonly RecognitionBasis[] = RecognitionMethod.unwrap().options;

/** A registered device; the contract's `Device` plus when it was registered and last changed. */
export interface Device {
  id: number;
  type: DeviceType;
  serial: string;
  model: string | null;
  assetNumber: string | null;
  name: string | null;
  /** A calendar date, YYYY-MM-DD. */
  purchaseDate: string | null;
  status: DeviceStatus;
  /** Confirmed by a clerk: the device writes local time where MP4 headers hold UTC. */
  metadataLocalTime: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface DeviceFields {
  type: DeviceType;
  serial: string;
  model?: string | null;
  assetNumber?: string | null;
  name?: string | null;
  purchaseDate?: string | null;
  status?: DeviceStatus;
}

/** Something remembered about a device's storage, confirmed once by a person. */
export interface DeviceIdentity {
  id: number;
  deviceId: number;
  kind: RecognitionBasis;
  value: string;
  rememberedAt: number;
}
