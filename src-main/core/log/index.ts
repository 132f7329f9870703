// The station's log: logs/station.N.log in the data folder, JSON lines, a new file by size, the oldest removed.
export { defaultKeep, defaultMaxBytes, logFileBase, openStationLog, type StationLogOptions } from './open-station-log.js';
export { nullLog, type StationLog } from './station-log.js';
