import { findPostgresBin, INSTALL_HINT } from './postgres';

describe('findPostgresBin', () => {
  it('fails with the install command when no server binaries exist', () => {
    expect(() => findPostgresBin('/nonexistent/postgresql')).toThrow(
      `PostgreSQL server binaries (initdb, pg_ctl) not found in /nonexistent/postgresql/<version>/bin: ${INSTALL_HINT}`,
    );
    expect(INSTALL_HINT).toContain('bash tools/scripts/install-system-deps.sh');
  });

  it('finds the Debian layout', () => {
    expect(findPostgresBin()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
  });
});
