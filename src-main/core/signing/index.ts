// Ed25519 signing keys of the leads and the head, sealed under their passwords (issue 9).
export { Signer, sha256Hex, signingPassword } from './signer.js';
