export { PseudonymKey, MIN_KEY_BYTES } from './key.ts';
export {
  DEFAULT_PSEUDONYM_LENGTH,
  canonicalText,
  dateShifter,
  dateShiftOffset,
  dateShiftOffsets,
  pseudonymize,
  pseudonymizeAll,
  pseudonymizer,
  type PseudonymOptions,
} from './hmac.ts';
export { hmacSha256, sha256 } from './sha256.ts';
