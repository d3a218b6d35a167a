// Component tests wait for the DOM with Testing Library's findBy…/waitFor. Their 1 s default is
// a timeout under load (a 2-core machine running the suite beside other work), not a failure:
// 5 s keeps a real failure a failure and a slow machine green.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 5_000 });
}
export {};
