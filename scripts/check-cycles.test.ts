import { describe, expect, test } from 'vitest';
import { circles, loopThrough, type Graph } from './check-cycles';

const graph = (edges: Record<string, string[]>): Graph =>
  new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe('the import circle check', () => {
  test('finds each knot once, with a way round it, and passes a graph without one', () => {
    const g = graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['e'], f: ['a'] });
    expect(circles(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(loopThrough(g, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'a']);
    expect(loopThrough(g, ['e'])).toEqual(['e', 'e']);
    expect(circles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });
});
