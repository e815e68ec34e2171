// Loaded with `node --require` ahead of the language server in the misbehaving-rule tests (and so in
// its checking thread, which inherits the option): PLANLINT_FAULT_INJECTION=`loop:<rule>`,
// `alloc:<rule>` or `throw:<rule>` makes that rule loop forever, allocate without bound, or throw,
// to prove the server outlives it. Shipped code knows nothing of this. The engine runs the rules of
// its registry (rule id → check) through Object.entries; the registry's entry is swapped there.
const [kind, rule] = (process.env.PLANLINT_FAULT_INJECTION ?? '').split(':');
if (rule) {
  const faulty = () => {
    if (kind === 'throw') throw new Error('injected fault');
    const hoard = [];
    for (;;) if (kind === 'alloc') hoard.push(new Array(1_000_000).fill(hoard.length));
  };
  const entries = Object.entries;
  Object.entries = function entriesWithFault(object) {
    const all = entries(object);
    const isRegistry = object !== null && typeof object === 'object' && typeof object[rule] === 'function';
    return isRegistry ? all.map(([id, check]) => [id, id === rule ? faulty : check]) : all;
  };
}
