import { memorySize, settingOf } from '../../cli/values.ts';

/**
 * The ETL's DuckDB memory (IMR_ETL_MEMORY), as the server's IMR_MEMORY_LIMIT is checked. DuckDB
 * uses more than its limit (what it reads and parses is not all counted): a million letters
 * peaked at 1,552 MB of RSS with 640 MB (215.8 s) and at 1,392 MB with 512 MB (202.8 s).
 */
export const ETL_MEMORY = {
  name: 'IMR_ETL_MEMORY',
  default: '512MB',
  valid: 'a size of at least 16MB, such as 512MB or 2GB',
  schema: memorySize,
};

/** IMR_ETL_MEMORY's value, or what is wrong with it. */
export const etlMemory = (env: NodeJS.ProcessEnv) => settingOf(ETL_MEMORY.name, ETL_MEMORY, env);
