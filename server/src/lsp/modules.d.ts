/**
 * tsconfig uses `moduleResolution: node` (node10), which ignores package `exports`; the
 * vscode-languageserver family (v11 / protocol 3.18) declares its entry points only there.
 * These ambient modules point the public specifiers at the real declaration files, so the
 * code keeps importing the documented names (esbuild and Node resolve them via `exports`).
 */
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-languageserver' {
  export * from 'vscode-languageserver/lib/common/api';
}
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
