;; br_table: a switch with eight cases selected by a changing state (an LCG's high bits),
;; n times. run(n: i32) -> i32
(module
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $acc i32) (local $state i32)
    (local.set $state (i32.const 12345))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $state
          (i32.add (i32.mul (local.get $state) (i32.const 1103515245)) (i32.const 12345)))
        (block $end
          (block $c7 (block $c6 (block $c5 (block $c4
          (block $c3 (block $c2 (block $c1 (block $c0
            (br_table $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c0
              (i32.shr_u (local.get $state) (i32.const 29))))
            (local.set $acc (i32.add (local.get $acc) (i32.const 1))) (br $end))
            (local.set $acc (i32.xor (local.get $acc) (local.get $i))) (br $end))
            (local.set $acc (i32.mul (local.get $acc) (i32.const 3))) (br $end))
            (local.set $acc (i32.sub (local.get $acc) (i32.const 7))) (br $end))
            (local.set $acc (i32.rotl (local.get $acc) (i32.const 5))) (br $end))
            (local.set $acc (i32.add (local.get $acc) (local.get $state))) (br $end))
            (local.set $acc (i32.shr_u (local.get $acc) (i32.const 1))) (br $end))
          (local.set $acc (i32.or (local.get $acc) (i32.const 0x100))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
