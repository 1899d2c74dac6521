package netforge.processor.kernel;

/** One parameter of a kernel: its OpenCL name ({@code m_rows}) and type. Its Java setter is {@link #setter()}. */
record KernelParameter(String name, ClType type) {

  /** {@code const int m_rows}. */
  String openCl() {
    return type.openCl + " " + name;
  }

  /** The setter's name: the OpenCL name in lower camel case ({@code m_rows -> mRows}). */
  String setter() {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char ch : name.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return camel.toString();
  }
}
