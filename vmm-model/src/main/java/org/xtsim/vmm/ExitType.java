package org.xtsim.vmm;

/** VM-exit reasons of the AMD SVM taxonomy (Palacios {@code svm_handler.c}). */
public enum ExitType {
  /** I/O port access (emulated devices, virtual disk). */
  IOIO,
  /** RDMSR/WRMSR. */
  MSR,
  /** CPUID. */
  CPUID,
  /** CR0 read or write. */
  CR0,
  /** CR3 write (shadow paging: address-space switch). */
  CR3,
  /** CR4 write. */
  CR4,
  /** CR8 (task priority) access. */
  CR8,
  /** Page fault under shadow paging (shadow fill, write-protected page-table write, reflection). */
  PF,
  /** Nested page fault (nested paging: host mapping missing). */
  NPF,
  /** INVLPG (shadow paging). */
  INVLPG,
  /** Hypercall. */
  VMMCALL,
  /** Physical interrupt (host timer, device interrupt). */
  INTR,
  /** Non-maskable interrupt. */
  NMI,
  /** System-management interrupt. */
  SMI,
  /** HLT. */
  HLT,
  /** PAUSE (spin-loop detection). */
  PAUSE,
  /** RDTSC (when intercepted). */
  RDTSC;

  /** JSON/report key, e.g. {@code "npf"}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
