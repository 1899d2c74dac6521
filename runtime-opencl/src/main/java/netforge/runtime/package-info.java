/** The runtime generated networks run on. */
package netforge.runtime;
