package org.regionwise.gpu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the index of a loop whose iterations are independent, so TornadoVM may run them as GPU threads.
 *
 * <p>Our own copy of TornadoVM's {@code @Parallel}, so kernels compile without TornadoVM. TornadoVM is told
 * its name with {@code -Dtornado.load.annotation.parallel=org.regionwise.gpu.Parallel}. TYPE_USE is what
 * makes javac keep an annotation on a local variable in the class file (as a type annotation), and
 * TornadoVM finds it there together with the local-variable table (compile with {@code -g}).
 * In plain Java the annotation does nothing: the loop runs sequentially.
 */
@Target({ElementType.LOCAL_VARIABLE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Parallel {}
