// javac stopped on the offending annotation value with NetForge's diagnostic, its shape trace and its fix.
def log = new File(basedir, 'build.log').text
assert log =~ /TinyNet\.java:\[12,\d+\] \[nn\.ShapeMismatch\] fc1: @Dense\(in = 512\) does not match its input of 784 features/
assert log.contains('fix: write @Dense(in = 784, ...) or omit \'in\' to infer it')
assert !new File(basedir, 'target/classes/com/example/TinyNetModel.class').exists()
