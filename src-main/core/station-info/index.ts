// What a host shows about the station it talks to.
export { stationInfoModule } from './station-info-module.js';
