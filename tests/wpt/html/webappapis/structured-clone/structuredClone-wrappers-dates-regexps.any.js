// META: global=window
// META: title=structuredClone(): primitive wrapper objects, Dates and RegExps
"use strict";

for (const [make, label, unwrap] of [
  [() => new Boolean(false), "a Boolean object", v => Boolean.prototype.valueOf.call(v)],
  [() => new Number(-0), "a Number object holding -0", v => Number.prototype.valueOf.call(v)],
  [() => new Number(NaN), "a Number object holding NaN", v => Number.prototype.valueOf.call(v)],
  [() => Object(12345678901234567890n), "a BigInt object", v => BigInt.prototype.valueOf.call(v)],
  [() => new String("a\uD800b"), "a String object with a lone surrogate", v => String.prototype.valueOf.call(v)],
]) {
  test(() => {
    const original = make();
    const clone = structuredClone(original);
    assert_equals(typeof clone, "object");
    assert_not_equals(clone, original);
    assert_equals(Object.getPrototypeOf(clone), Object.getPrototypeOf(original));
    assert_true(Object.is(unwrap(clone), unwrap(original)), "the primitive is kept");
  }, `${label} is cloned as a wrapper of the same primitive`);
}

test(() => {
  const original = new String("abc");
  original.extra = 1;
  const clone = structuredClone(original);
  assert_equals(clone.length, 3);
  assert_false("extra" in clone, "own properties are not copied");
}, "a String object's own properties are not copied");

test(() => {
  const original = new Date(Date.UTC(2020, 1, 29, 12, 34, 56, 789));
  const clone = structuredClone(original);
  assert_true(clone instanceof Date);
  assert_not_equals(clone, original);
  assert_equals(clone.getTime(), original.getTime());
}, "a Date keeps its time value");

test(() => {
  const clone = structuredClone(new Date(NaN));
  assert_true(clone instanceof Date);
  assert_true(Number.isNaN(clone.getTime()));
}, "an invalid Date stays invalid");

test(() => {
  const clone = structuredClone(new Date(-0));
  assert_true(Object.is(clone.getTime(), 0), "TimeClip turned -0 into +0");
}, "a Date made from -0 has the time value +0");

test(() => {
  const clone = structuredClone(new Date(8.64e15));
  assert_equals(clone.getTime(), 8.64e15);
  assert_equals(structuredClone(new Date(-8.64e15)).getTime(), -8.64e15);
}, "Dates at the ends of the time range");

test(() => {
  const original = /ab+c/gimsuy;
  const clone = structuredClone(original);
  assert_true(clone instanceof RegExp);
  assert_not_equals(clone, original);
  assert_equals(clone.source, original.source);
  assert_equals(clone.flags, original.flags);
  assert_true(clone.test("ABBC"));
}, "a RegExp keeps its source and flags");

for (const flags of ["", "d", "g", "i", "m", "s", "u", "y", "dgimsuy"]) {
  test(() => {
    const clone = structuredClone(new RegExp("x.y", flags));
    assert_equals(clone.flags, flags);
  }, `RegExp flags "${flags}"`);
}

test(() => {
  const original = /a/g;
  original.lastIndex = 3;
  original.extra = "dropped";
  const clone = structuredClone(original);
  assert_equals(clone.lastIndex, 0);
  assert_false("extra" in clone);
}, "a RegExp clone has lastIndex 0 and no copied own properties");

for (const source of ["/", "a\\/b", "\\\\/", "", "[/]", "a\nb"]) {
  test(() => {
    const original = new RegExp(source);
    const clone = structuredClone(original);
    assert_equals(clone.source, original.source);
    for (const input of ["/", "a/b", "\\/", "", "a\nb", "ab"]) {
      assert_equals(clone.test(input), original.test(input), `test(${JSON.stringify(input)})`);
    }
  }, `a RegExp with source ${JSON.stringify(source)} matches the same strings`);
}

test(() => {
  const date = new Date(0);
  const original = { a: date, b: date, list: [date] };
  const clone = structuredClone(original);
  assert_equals(clone.a, clone.b);
  assert_equals(clone.list[0], clone.a);
}, "a Date referenced twice is cloned once");
