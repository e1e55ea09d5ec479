import { ComposedTexts, shiftPlaceholders } from './sql-parts';

describe('ComposedTexts', () => {
  it('composes a shape once and hands back the same text; another SQL or tag composes anew', () => {
    const texts = new ComposedTexts();
    const composed: string[] = [];
    const compose = (text: string) => () => (composed.push(text), text);
    const shape = [{ sql: 'INSERT INTO a VALUES ($1) RETURNING id', tag: 'a1' }, { sql: 'INSERT INTO b VALUES ($1, $2) RETURNING id', tag: 'b2' }];

    const first = texts.text(shape, compose('first'));
    expect(texts.text([{ ...shape[0] }, { ...shape[1] }], compose('again'))).toBe(first);
    expect(texts.text([shape[0], { ...shape[1], tag: 'b!2' }], compose('other tag'))).toBe('other tag');
    expect(texts.text([shape[1], shape[0]], compose('other order'))).toBe('other order');
    expect(texts.text([shape[0]], compose('prefix'))).toBe('prefix');
    expect(composed).toEqual(['first', 'other tag', 'other order', 'prefix']);
  });

  it('starts again when full, still answering every shape by its own composition', () => {
    const texts = new ComposedTexts(2);
    const shape = (n: number) => [{ sql: `SELECT $1 + ${n}`, tag: '1' }];
    for (let n = 0; n < 5; n++) expect(texts.text(shape(n), () => `text ${n}`)).toBe(`text ${n}`);
    expect(texts.text(shape(4), () => 'recomposed')).toBe('text 4');
    expect(texts.text(shape(0), () => 'recomposed')).toBe('recomposed');
  });
});

describe('shiftPlaceholders', () => {
  it('moves every placeholder past the parameters before it', () => {
    expect(shiftPlaceholders('SELECT $1, $2, $10', 3)).toBe('SELECT $4, $5, $13');
    expect(shiftPlaceholders('SELECT $1', 0)).toBe('SELECT $1');
  });

  it('gives each offset its own text when the same part is placed again (texts are kept), past its bound too', () => {
    expect(shiftPlaceholders('SELECT $1 FROM t WHERE a = $2', 2)).toBe('SELECT $3 FROM t WHERE a = $4');
    expect(shiftPlaceholders('SELECT $1 FROM t WHERE a = $2', 5)).toBe('SELECT $6 FROM t WHERE a = $7');
    expect(shiftPlaceholders('SELECT $1 FROM t WHERE a = $2', 2)).toBe('SELECT $3 FROM t WHERE a = $4');
    for (let i = 0; i < 1_500; i++) expect(shiftPlaceholders(`SELECT $1, ${i}`, 1 + (i % 3))).toBe(`SELECT $${2 + (i % 3)}, ${i}`);
    expect(shiftPlaceholders('SELECT $1 FROM t WHERE a = $2', 5)).toBe('SELECT $6 FROM t WHERE a = $7');
  });
});
