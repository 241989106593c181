;; 100M-iteration i64 sum loop: sum of 0..n-1.
(module
  (func $sum (param $n i64) (result i64)
    (local $i i64) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc) (local.get $i)))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (func (export "run") (result i64)
    (call $sum (i64.const 100000000))))
