// GA/T 947 recorder file names: serial, officer, time, sequence; extensible by settings.
export { compileNamePatterns, NamePatternError, type CompiledNamePattern } from './name-patterns.js';
export { officerAndMark, parseRecorderFileName, recorderSerial, type RecorderName } from './parse-recorder-name.js';
