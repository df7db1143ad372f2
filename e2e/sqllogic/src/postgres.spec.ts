// Every .test file against a throwaway real PostgreSQL (or E2E_REAL_PG_URL): proves that the
// expected results are PostgreSQL's.
import { defineSqlLogicSuite } from './runner/suite';

defineSqlLogicSuite('postgres');
