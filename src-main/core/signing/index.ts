// Ed25519 signing keys of the leads and the head, sealed under their passwords (issue 9).
export { Signer, sha256Hex, signingPassword, type KeyCheck, type SignedStatement, type SignerEnv } from './signer.js';
export { verifyBytes } from './ed25519.js';
