// Resolves the extensionless relative imports of dt-sql-parser's ES build (written for bundlers).
export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); }
  catch (e) {
    if (!specifier.startsWith('.')) throw e;
    for (const suffix of ['.js', '/index.js']) {
      try { return await next(specifier + suffix, context); } catch {}
    }
    throw e;
  }
}
