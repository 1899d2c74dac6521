// The consumer build compiled the network, trained it, and the weights it saved load back to the same logits.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/com/example/TinyNetModel.class').isFile()
assert new File(basedir, 'target/classes/com/example/TinyNetModel.cl').isFile()
assert log.contains('PARAMETERS') || log.contains('parameters')
assert log =~ /test accuracy after 10 steps: \d+\.\d\d%/
assert log.contains('reloaded model gives the same logits')
assert new File(basedir, 'target/tinynet-run/tinynet.safetensors').isFile()
