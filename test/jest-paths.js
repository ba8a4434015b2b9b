// Maps the @podgate/* aliases of tsconfig.json for jest, so there is one list of libraries.
const { compilerOptions } = require('../tsconfig.json');

exports.pathsToModuleNameMapper = () => {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target}`;
  }
  return mapper;
};
