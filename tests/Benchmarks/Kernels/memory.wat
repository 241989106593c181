;; Memory-heavy: 100 rounds over a 1 MiB i32 array (a[i] = a[i] * 3 + i), then a checksum.
(module
  (memory 16)
  (func $kernel (param $rounds i32) (result i32)
    (local $r i32) (local $p i32) (local $sum i32)
    (loop $outer
      (local.set $p (i32.const 0))
      (loop $inner
        (i32.store (local.get $p)
          (i32.add (i32.mul (i32.load (local.get $p)) (i32.const 3)) (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br_if $inner (i32.lt_u (local.get $p) (i32.const 1048576))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $r) (local.get $rounds))))
    (local.set $p (i32.const 0))
    (loop $sum
      (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $sum (i32.lt_u (local.get $p) (i32.const 1048576))))
    (local.get $sum))
  (func (export "run") (result i32)
    (call $kernel (i32.const 100))))
