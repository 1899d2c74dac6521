/** The annotations a network class is declared with; nothing else, and no dependencies. */
module netforge.annotations {
  exports netforge.annotations;
}
