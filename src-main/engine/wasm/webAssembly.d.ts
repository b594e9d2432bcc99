/**
 * The part of the WebAssembly JavaScript API the kernels use: Node has it, but neither lib
 * ES2023 nor @types/node 20 declares it (lib.dom does, which the Node side does not load).
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Instance {
    constructor(module: Module, imports: object);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
  function validate(bytes: ArrayBufferView | ArrayBuffer): boolean;
}
