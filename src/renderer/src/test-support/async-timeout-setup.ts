import { configure } from '@testing-library/dom';

// findBy / waitFor give up after 1 s by default. The suite runs renderer tests beside emulator and
// database tests on a 2-core machine, where a render can take longer than that under load; a
// failing assertion still fails, only later.
configure({ asyncUtilTimeout: 5_000 });
