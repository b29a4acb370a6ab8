import { addressProblem, checkedAddresses, RefusedAddressError, urlProblem } from './ssrf.js';

const closed = { allowPrivate: false };

describe('addressProblem', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'rfc6052'],
  ])('refuses %s (%s)', (address, range) => {
    expect(addressProblem(address, closed)).toContain(range);
  });

  it('lets public unicast through, and everything through when private addresses are allowed', () => {
    expect(addressProblem('93.184.215.14', closed)).toBeNull();
    expect(addressProblem('2606:4700::1111', closed)).toBeNull();
    expect(addressProblem('127.0.0.1', { allowPrivate: true })).toBeNull();
  });
});

describe('urlProblem', () => {
  const strict = { allowHttp: false, allowPrivate: false };
  it('asks for https unless http is allowed, and refuses credentials and fragments', () => {
    expect(urlProblem('http://hooks.example.org/in', strict)).toContain('https://');
    expect(urlProblem('http://hooks.example.org/in', { ...strict, allowHttp: true })).toBeNull();
    expect(urlProblem('https://user:pw@hooks.example.org/in', strict)).toContain('user name or password');
    expect(urlProblem('https://hooks.example.org/in#x', strict)).toContain('fragment');
    expect(urlProblem('not a url', strict)).toContain('absolute URL');
    expect(urlProblem('https://hooks.example.org/in', strict)).toBeNull();
  });
});

describe('checkedAddresses', () => {
  it('refuses a name when any of its addresses is private', async () => {
    const resolve = () =>
      Promise.resolve([
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]);
    await expect(checkedAddresses('mixed.example.org', closed, resolve)).rejects.toThrow(RefusedAddressError);
    await expect(checkedAddresses('mixed.example.org', { allowPrivate: true }, resolve)).resolves.toHaveLength(2);
  });
});
