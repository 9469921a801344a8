/**
 * The {@code xtsim} command line: one picocli command per job ({@code phold}, {@code run}, {@code
 * figures}, and those that later modules add), each with {@code --help} describing every option.
 */
package org.xtsim.cli;
