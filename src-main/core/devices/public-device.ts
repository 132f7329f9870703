import type { Device as ContractDevice } from '../../contract/index.js';
import type { Device } from './device-types.js';

/** The registry's device as the contract shows it (without the registry's own bookkeeping). */
export const publicDevice = ({ createdAt: _created, updatedAt: _updated, ...device }: Device): ContractDevice => device;
