;; The memory kernel with i32x4 SIMD: 100 rounds over a 1 MiB i32 array (a[i] = a[i] * 3 + i,
;; where i is the byte address, four lanes at a time), then the same i32 checksum as memory.wat.
(module
  (memory 16)
  (func $kernel (param $rounds i32) (result i32)
    (local $r i32) (local $p i32) (local $acc v128)
    (loop $outer
      (local.set $p (i32.const 0))
      (loop $inner
        (v128.store (local.get $p)
          (i32x4.add
            (i32x4.mul (v128.load (local.get $p)) (v128.const i32x4 3 3 3 3))
            (i32x4.add (i32x4.splat (local.get $p)) (v128.const i32x4 0 4 8 12))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $inner (i32.lt_u (local.get $p) (i32.const 1048576))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $r) (local.get $rounds))))
    (local.set $p (i32.const 0))
    (loop $sum
      (local.set $acc (i32x4.add (local.get $acc) (v128.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $sum (i32.lt_u (local.get $p) (i32.const 1048576))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
  (func (export "run") (result i32)
    (call $kernel (i32.const 100))))
