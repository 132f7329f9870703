// The DOM lib declares WebAssembly, but the core must not pull in DOM types; this is all it uses.
declare namespace WebAssembly {
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
  }
}
