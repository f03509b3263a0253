import type { MessageKey } from '../i18n/catalog.ts';
import type { Role } from '../spec/schema.ts';

/** What a column most likely holds; presets choose transforms by it. */
export type DetectCategory =
  // direct identifiers
  | 'name'
  | 'kana'
  | 'address'
  | 'phone'
  | 'email'
  | 'myNumber'
  | 'insuranceNumber'
  | 'passport'
  | 'driversLicence'
  | 'ssn'
  | 'geo'
  /** The subject's own ID or a reference to it from another table (an encounter's patient ID). */
  | 'subjectId'
  /** Any other record key (encounter ID, UUID, serial number). */
  | 'recordId'
  // quasi-identifiers
  | 'birthDate'
  | 'date'
  | 'age'
  | 'sex'
  | 'postalCode'
  | 'region'
  | 'locality'
  | 'demographic'
  | 'physical'
  | 'insurer'
  // sensitive attributes
  | 'clinical'
  | 'lab'
  | 'medication'
  | 'cost'
  | 'freeText'
  | 'other';

export interface DetectReason {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface DetectedColumn {
  name: string;
  /** DuckDB type as the table has it. */
  type: string;
  role: Role;
  category: DetectCategory;
  /** Free text (notes, reports): blocked from release unless dropped or cleared. */
  freeText: boolean;
  reason: DetectReason;
}

export interface DetectionResult {
  table: string;
  /** Rows the value checks looked at (the first rows of the table, up to the sample size). */
  sampleRows: number;
  columns: DetectedColumn[];
}

/** What the value checks found, as shares of the sample's non-NULL values. */
export interface ValueStats {
  nonNull: number;
  distinct: number;
  avgLength: number;
  email: number;
  phone: number;
  postal: number;
  ssn: number;
  uuid: number;
  date: number;
  /** Values of 12 digits (hyphens/spaces allowed) and, of those, the share with a valid My Number check digit. */
  twelveDigits: number;
  myNumberValid: number;
  /** Values with spaces or sentence punctuation. */
  prose: number;
}
