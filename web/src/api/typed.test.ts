import { describe, expect, it } from 'vitest';
import { routePath } from './typed.js';

describe('routePath', () => {
  it('fills the route parameters, encoded, under /api', () => {
    expect(routePath('GET /loans/:id', { id: 7 })).toBe('/api/loans/7');
    expect(routePath('POST /ocr/events/:id/correct', { id: 3 })).toBe('/api/ocr/events/3/correct');
    expect(routePath('GET /ocr/screenshot/:sha256', { sha256: 'a/b' })).toBe('/api/ocr/screenshot/a%2Fb');
    expect(routePath('GET /overview')).toBe('/api/overview');
  });
  it('refuses a missing parameter instead of calling a wrong path', () => {
    expect(() => routePath('GET /loans/:id', {})).toThrow(/missing route parameter id/);
  });
});
