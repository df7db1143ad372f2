// The .test files whose `# targets:` header lists vecgres, against the vecgres server.
import { defineSqlLogicSuite } from './runner/suite';

defineSqlLogicSuite('vecgres');
