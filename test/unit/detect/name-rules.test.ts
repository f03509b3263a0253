import { describe, expect, it } from 'vitest';
import { matchName, nameForms } from '../../../src/core/detect/index.ts';

const categoryOf = (name: string) => matchName(name)?.category ?? null;

describe('column-name rules', () => {
  it('normalises Japanese and English names', () => {
    expect(nameForms('氏名（カタカナ）')).toEqual({ compact: '氏名カタカナ', tokens: [] });
    expect(nameForms('Date_of-Birth')).toEqual({ compact: 'dateofbirth', tokens: ['date', 'of', 'birth'] });
    expect(nameForms('patientID')).toEqual({ compact: 'patientid', tokens: ['patient', 'id'] });
    expect(nameForms('ＴＥＬ')).toEqual({ compact: 'tel', tokens: ['tel'] });
  });

  it.each([
    ['氏名', 'name'],
    ['患者氏名', 'name'],
    ['名前', 'name'],
    ['FIRST', 'name'],
    ['last_name', 'name'],
    ['MAIDEN', 'name'],
    ['フリガナ', 'kana'],
    ['氏名（カタカナ）', 'kana'],
    ['氏名カナ', 'kana'],
    ['住所', 'address'],
    ['ADDRESS', 'address'],
    ['電話番号', 'phone'],
    ['ＴＥＬ', 'phone'],
    ['携帯電話', 'phone'],
    ['mobilePhone', 'phone'],
    ['メールアドレス', 'email'],
    ['e-mail', 'email'],
    ['マイナンバー', 'myNumber'],
    ['個人番号', 'myNumber'],
    ['被保険者番号', 'insuranceNumber'],
    ['被保険者記号', 'insuranceNumber'],
    ['記号・番号', 'insuranceNumber'],
    ['保険者番号', 'insurer'],
    ['PASSPORT', 'passport'],
    ['旅券番号', 'passport'],
    ['DRIVERS', 'driversLicence'],
    ["driver's licence", 'driversLicence'],
    ['運転免許証番号', 'driversLicence'],
    ['SSN', 'ssn'],
    ['LAT', 'geo'],
    ['longitude', 'geo'],
    ['患者ID', 'subjectId'],
    ['カルテ番号', 'subjectId'],
    ['PATIENT', 'subjectId'],
    ['patient_id', 'subjectId'],
    ['MRN', 'subjectId'],
    ['受診ID', 'recordId'],
    ['encounter_id', 'recordId'],
    ['Id', 'recordId'],
    ['No', 'recordId'],
    ['連番', 'recordId'],
    ['生年月日', 'birthDate'],
    ['BIRTHDATE', 'birthDate'],
    ['dateOfBirth', 'birthDate'],
    ['DOB', 'birthDate'],
    ['郵便番号', 'postalCode'],
    ['ZIP', 'postalCode'],
    ['性別', 'sex'],
    ['GENDER', 'sex'],
    ['年齢', 'age'],
    ['患者_年代', 'age'],
    ['都道府県', 'region'],
    ['都道府県名', 'region'],
    ['BIRTHPLACE', 'region'],
    ['出身地', 'region'],
    ['市区町村名', 'locality'],
    ['患者_居住地', 'locality'],
    ['全国地方公共団体コード', 'locality'],
    ['COUNTY', 'locality'],
    ['RACE', 'demographic'],
    ['INCOME', 'demographic'],
    ['身長', 'physical'],
    ['受診日', 'date'],
    ['公表_年月日', 'date'],
    ['DEATHDATE', 'date'],
    ['START', 'date'],
    ['曜日', 'date'],
    ['備考', 'freeText'],
    ['所見', 'freeText'],
    ['notes', 'freeText'],
    ['検査値', 'lab'],
    ['結果値', 'lab'],
    ['薬剤名', 'medication'],
    ['HEALTHCARE_EXPENSES', 'cost'],
    ['PAYER_COVERAGE', 'cost'],
    ['傷病名', 'clinical'],
    ['傷病名コード', 'clinical'],
    ['CODE', 'clinical'],
    ['DESCRIPTION', 'clinical'],
    ['血液型', 'clinical'],
    ['退院済フラグ', 'clinical'],
  ])('%s → %s', (name, category) => {
    expect(categoryOf(name)).toBe(category);
  });

  it('does not take ordinary words for identifiers', () => {
    // "paid", "acid", "covid" end in "id"; "名" ends many Japanese names of things; "birthplace" is not a date.
    expect(categoryOf('paid')).toBe('cost');
    expect(categoryOf('uric_acid')).toBe(null);
    expect(categoryOf('covid')).toBe(null);
    expect(categoryOf('drug_name')).toBe('medication');
    expect(categoryOf('hospital_name')).toBe(null);
    expect(categoryOf('単位')).toBe(null);
    expect(categoryOf('日数')).toBe(null);
    expect(categoryOf('update')).toBe(null);
    expect(categoryOf('')).toBe(null);
  });
});
