import { describe, expect, it } from 'vitest';
import { joinJapaneseLines } from '../../src/build/japanese-lines.ts';

// A line break in a Japanese paragraph's source is not a space on the page (issue 24).
describe('joinJapaneseLines', () => {
  it.each([
    ['書き換えます。\n送信元は', '書き換えます。送信元は'],
    ['宛先 NAT、\nクライアント', '宛先 NAT、クライアント'],
    ['選び、\n  ホップ 2 で', '選び、ホップ 2 で'],
    ['バックエンド\nプール', 'バックエンドプール'],
    // Next to Latin text the break stays a space, as Learn ja writes 「Azure の」.
    ['接続は\nAzure が', '接続は\nAzure が'],
    ['Load Balancer\nの', 'Load Balancer\nの'],
    ['English text\nstays', 'English text\nstays'],
  ])('%j → %j', (input, output) => {
    expect(joinJapaneseLines(input)).toBe(output);
  });
});
