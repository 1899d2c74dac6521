package netforge.runtime;

/** The kind of an OpenCL device, in the order NetForge prefers them. */
public enum DeviceType { GPU, ACCELERATOR, CPU, OTHER }
