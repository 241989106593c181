;; loop: a tight i64 loop, sum of (i xor (i >> 3)) for i in [0, n).
;; run(n: i64) -> i64
(module
  (func (export "run") (param $n i64) (result i64)
    (local $i i64) (local $sum i64)
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (local.set $sum
          (i64.add (local.get $sum)
                   (i64.xor (local.get $i) (i64.shr_u (local.get $i) (i64.const 3)))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (local.get $sum)))
