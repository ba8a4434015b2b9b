import { pyRepr, pyStr } from './python-repr';

// Expectations are CPython 3.11's repr()/str() of json.loads of the same JSON.
describe('pyRepr', () => {
  it.each([
    [null, 'None'],
    [true, 'True'],
    [false, 'False'],
    [5, '5'],
    [-1, '-1'],
    [1.5, '1.5'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e20, '100000000000000000000'], // JSON's 100000000000000000000 is a Python int
    ['a', "'a'"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ['back\\slash', "'back\\\\slash'"],
    ['tab\tnl\ncr\r', "'tab\\tnl\\ncr\\r'"],
    ['\u00a0\u200b\u2028\u0001\u007f', "'\\xa0\\u200b\\u2028\\x01\\x7f'"],
    ['é😀', "'é😀'"],
    ['\ud800', "'\\ud800'"],
    [[1, 'a', null], "[1, 'a', None]"],
    [{ a: [true], 'b c': {} }, "{'a': [True], 'b c': {}}"],
  ])('%j -> %s', (value, expected) => expect(pyRepr(value)).toBe(expected));

  it('lets a replacer swap values by key (how secrets are masked)', () => {
    expect(pyRepr({ adminPass: 'x', n: 1 }, (key, value) => (key === 'adminPass' ? '***' : value))).toBe(
      "{'adminPass': '***', 'n': 1}",
    );
  });
});

describe('pyStr', () => {
  it('prints a string as itself and anything else as its repr', () => {
    expect(pyStr('a b')).toBe('a b');
    expect(pyStr(['a'])).toBe("['a']");
  });
});
