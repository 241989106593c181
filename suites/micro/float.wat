;; float: f64 arithmetic — the logistic map x <- 3.7 x (1 - x) with a running sum of
;; sqrt(x) / (1 + x), n steps. Only IEEE-754 correctly rounded ops, so the result is exact.
;; run(n: i32) -> f64
(module
  (func (export "run") (param $n i32) (result f64)
    (local $i i32) (local $x f64) (local $sum f64)
    (local.set $x (f64.const 0.5))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x
          (f64.mul (f64.mul (f64.const 3.7) (local.get $x))
                   (f64.sub (f64.const 1) (local.get $x))))
        (local.set $sum
          (f64.add (local.get $sum)
                   (f64.div (f64.sqrt (local.get $x)) (f64.add (f64.const 1) (local.get $x)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
