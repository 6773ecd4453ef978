/** Prose: names, street addresses and birth dates in free text, and what must stay. */
import { describe, expect, it } from 'vitest';
import { findProseSpans } from '../../src/redact/prose.js';
import { redactText } from '../../src/redact/text.js';
import { freshScope } from './fresh-scope.js';

const found = (text: string) => findProseSpans(text).map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);

describe('findProseSpans: names in several scripts', () => {
  it.each([
    ['Latin, given then surname', 'Ticket from Olivia Hartmann about billing', ['name:Olivia Hartmann']],
    ['Latin, with a second surname', 'María García López called', ['name:María García López']],
    ['after a title', 'Please ask Dr. Quistorp first', ['name:Quistorp']],
    ['after a greeting', 'Hi Olivia, your order is late', ['name:Olivia']],
    ['after an introduction', 'my name is Zelda Quistorp and I need help', ['name:Zelda Quistorp']],
    ['after a label', 'Name: Zelda Quistorp', ['name:Zelda Quistorp']],
    ['Cyrillic', 'Клиент Иван Петров оплатил', ['name:Иван Петров']],
    ['Cyrillic, surname first', 'Петрова Анна', ['name:Петрова Анна']],
    ['Greek', 'ο Αλέξανδρος Αγγελίδης έγραψε', ['name:Αλέξανδρος Αγγελίδης']],
    ['Hebrew', 'פנייה מאת שלום כהן', ['name:שלום כהן']],
    ['Japanese, joined', '担当は佐藤翔太さんです', ['name:佐藤翔太']],
    ['Japanese, with a space', '佐藤 翔太', ['name:佐藤 翔太']],
    ['Chinese, one-character given name at the end', '王伟', ['name:王伟']],
    ['Korean', '김민준님 안녕하세요', ['name:김민준']],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findProseSpans: street addresses in several countries', () => {
  it.each([
    ['US', 'Ship to 1600 Amphitheatre Pkwy, Mountain View, CA 94043 today', ['address:1600 Amphitheatre Pkwy, Mountain View, CA 94043']],
    ['UK', 'Deliver to 221B Baker Street, London NW1 6XE.', ['address:221B Baker Street, London NW1 6XE']],
    ['France', 'au 12 rue de la Paix, 75002 Paris', ['address:12 rue de la Paix, 75002 Paris']],
    ['Germany', 'Lieferadresse: Hauptstraße 5, 10115 Berlin', ['address:Hauptstraße 5, 10115 Berlin']],
    ['Germany, two words', 'Berliner Straße 12a', ['address:Berliner Straße 12a']],
    ['Italy', 'presso Via Roma 10, Milano', ['address:Via Roma 10, Milano']],
    ['Spain', 'en Calle Mayor 5', ['address:Calle Mayor 5']],
    ['Netherlands', 'Keizersgracht 123, 1015 CJ Amsterdam', ['address:Keizersgracht 123, 1015 CJ Amsterdam']],
    ['Japan', '住所は東京都千代田区千代田1-1です', ['address:東京都千代田区千代田1-1']],
    ['Korea', '서울특별시 강남구 테헤란로 123', ['address:서울특별시 강남구 테헤란로 123']],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findProseSpans: birth dates', () => {
  it.each([
    ['born 12 March 1984 in Leeds', ['birth-date:12 March 1984']],
    ['DOB: 1984-03-12', ['birth-date:1984-03-12']],
    ['date of birth 12/03/1984', ['birth-date:12/03/1984']],
    ['生年月日 1984年3月12日', ['birth-date:1984年3月12日']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findProseSpans: what stays', () => {
  it.each([
    'OpenAI Direct',
    'Max Tokens',
    'Reset Password',
    'Sign In With Apple',
    'Will Update Soon',
    'Page Title',
    '3 Apples and 2 Pears',
    'Chapter 12 Main Points',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
    'released 12 March 2024',
    'Street Fighter 2',
    'Release Notes for Version 12',
    '提高效率',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('redactText with prose', () => {
  it('replaces names and addresses with placeholders, the same value the same tag', () => {
    const scope = freshScope();
    expect(redactText('Olivia Hartmann lives at 12 Main Street. Olivia Hartmann', scope)).toBe('<name:1> lives at <address:1>. <name:1>');
  });

  it('reads CSV columns by their names', () => {
    const csv = 'id,first_name,last_name,city,plan\n1,Zed,Quorra,Springfield,pro\n2,"Ada, Jr",Vex,Shelbyville,free\n';
    expect(redactText(csv, freshScope())).toBe(
      'id,first_name,last_name,city,plan\n1,<name:1>,<name:2>,<address:1>,pro\n2,"<name:3>",<name:4>,<address:2>,free\n',
    );
  });
});

describe('false positives seen on real captures stay fixed', () => {
  it.each([
    ['获取数据成功', '获取数据成功'],
    ['请求成功', '请求成功'],
    ['Author: Ada Quistorp wrote this', 'Author: <name:1> wrote this'],
    ['display_name: OpenAI Direct', 'display_name: OpenAI Direct'],
  ])('%s', (text, expected) => {
    expect(redactText(text, freshScope())).toBe(expected);
  });
});
