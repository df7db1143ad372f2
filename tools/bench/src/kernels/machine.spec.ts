import { cpuModelFrom, machineInfo } from './machine';

describe('cpuModelFrom', () => {
  it('adds the x86 family and model numbers', () => {
    const text = 'vendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\n';
    expect(cpuModelFrom(text)).toBe('AMD EPYC (family 26, model 2)');
  });

  it('reads the x86 model name line', () => {
    const text = 'processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9R14 96-Core Processor\nflags\t: fpu\n';
    expect(cpuModelFrom(text)).toBe('AMD EPYC 9R14 96-Core Processor');
  });

  it('falls back to arm fields, then to unknown', () => {
    expect(cpuModelFrom('processor : 0\nCPU part : 0xd0c\n')).toBe('0xd0c');
    expect(cpuModelFrom('')).toBe('unknown');
  });
});

describe('machineInfo', () => {
  it('describes this machine', () => {
    const m = machineInfo();
    expect(m.nodeVersion).toBe(process.version);
    expect(m.logicalCpus).toBeGreaterThan(0);
    expect(m.cpuModel.length).toBeGreaterThan(0);
  });
});
