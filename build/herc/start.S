/*
 * start.S - IPL start-up of the hostmig bare-metal test images.
 *
 * The image is loaded at absolute 0 by a list-directed IPL (.ins
 * file). A z/Architecture machine IPLs in ESA/390 mode, so the IPL
 * PSW at 0 is an 8-byte ESA/390 PSW that starts _start at 0x10000
 * in 31-bit addressing. _start switches the CPU to z/Architecture
 * (SIGP set architecture), goes to 64-bit addressing for the -m64
 * build only (the -m31 -mzarch build stays 31-bit), enables the
 * additional floating-point registers (CR0 bit 45), clears .bss,
 * sets up the stack and calls main(). main's return value becomes
 * the instruction address of the final disabled-wait PSW.
 *
 * Disabled-wait addresses (what the harness reads from the log):
 *   main's return     normal end (vectors.c: 0x600D00 all passed,
 *                     0xFA1000 + n when n vectors failed)
 *   0xDEADcccc        program check, cccc = interruption code
 *   0x0BAD10..0BAD60  external, SVC, ESA/390 program check,
 *                     machine check, I/O, restart interruption
 *   0x0BAD80          program check in the program-check handler
 */

/* z/Architecture disabled-wait PSW: wait bit, 31-bit addressing */
#define ZWAIT(code) .long 0x00020000, 0x80000000, 0, code
/* ESA/390 disabled-wait PSW (bit 12 on, wait bit, 31-bit) */
#define EWAIT(code) .long 0x000A0000, 0x80000000 + code

#if defined(__s390x__)
#define FRAME 160
#else
#define FRAME 96
#endif

	.section .lowcore, "aw"
	/* 0x000: IPL PSW (ESA/390): 31-bit, go to _start */
	.long	0x00080000, 0x80000000 + _start
	/* ESA/390 new PSWs, in case anything happens before SIGP */
	.org	0x58
	EWAIT(0x0BAD10)		/* external */
	EWAIT(0x0BAD20)		/* SVC */
	EWAIT(0x0BAD30)		/* program check */
	EWAIT(0x0BAD40)		/* machine check */
	EWAIT(0x0BAD50)		/* I/O */
	/* z/Architecture new PSWs */
	.org	0x1a0
	ZWAIT(0x0BAD60)		/* restart */
	ZWAIT(0x0BAD10)		/* external */
	ZWAIT(0x0BAD20)		/* SVC */
	.long	0x00000000, 0x80000000, 0, pgmchk	/* program */
	ZWAIT(0x0BAD40)		/* machine check */
	ZWAIT(0x0BAD50)		/* I/O */
	.org	0x200

	.section .text.start, "ax"
	.globl	_start
_start:
	/* ESA/390 mode: only ESA/390 instructions until the switch */
	slr	%r0, %r0		/* CPU address 0 (ignored) */
	lhi	%r1, 1			/* 1: all CPUs to z/Arch */
	sigp	%r1, %r0, 0x12		/* set architecture */
	/* now z/Architecture, still 31-bit addressing */
#if defined(__s390x__)
	sam64
#endif
	/* CR0 bit 45: AFP registers (GCC uses f0-f15) */
	larl	%r1, scratch
	stctg	%c0, %c0, 0(%r1)
	oi	5(%r1), 0x04
	lctlg	%c0, %c0, 0(%r1)
	/* clear .bss: MVCL with a zero-length source pads with 0 */
	larl	%r2, __bss_start
	larl	%r3, __bss_end
	sgr	%r3, %r2
	lghi	%r4, 0
	lghi	%r5, 0
	mvcl	%r2, %r4
	/* stack: FRAME bytes below the top, back chain 0 */
	larl	%r15, __stack_top
	aghi	%r15, -FRAME
	lghi	%r0, 0
#if defined(__s390x__)
	stg	%r0, 0(%r15)
#else
	st	%r0, 0(%r15)
#endif
	brasl	%r14, main
	/* main's return value is the wait PSW's address */
	larl	%r1, exitpsw
	st	%r2, 12(%r1)
	lpswe	0(%r1)

	/* program check: wait with 0xDEAD and the interruption code */
pgmchk:
	larl	%r2, nestpsw	/* a second one: plain wait, no loop */
	mvc	0x1d0(16, %r0), 0(%r2)
	llgh	%r1, 0x8e
	oilh	%r1, 0xdead
	larl	%r2, pgmpsw
	st	%r1, 12(%r2)
	lpswe	0(%r2)

	.section .data
	.align	8
exitpsw:
	ZWAIT(0)
pgmpsw:			/* 64-bit addressing: 0xDEADcccc is > 2G */
	.long	0x00020001, 0x80000000, 0, 0
nestpsw:
	ZWAIT(0x0BAD80)
scratch:
	.quad	0

	.section .note.GNU-stack, "", @progbits
