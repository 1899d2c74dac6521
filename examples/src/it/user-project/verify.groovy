// The consumer build compiled the network, trained and evaluated it, the weights it saved load back to the same
// logits, and a PNG file was classified through the data set's own preparation.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/com/example/TinyNetModel.class').isFile()
assert new File(basedir, 'target/classes/com/example/TinyNetModel.cl').isFile()
assert log =~ /test accuracy after 10 steps: \d+\.\d\d%/
assert log =~ /  Ankle boot +\d+\.\d\d%/
assert log.contains('reloaded model gives the same logits')
assert log =~ /first-test-image\.png: [A-Za-z\/ -]+ \(\d+\.\d%\); it is a Ankle boot/
def weights = new File(basedir, 'target/tinynet-run/tinynet.safetensors')
assert weights.isFile()

// The command line takes the user's network from its classes, as README.md says: the weights file names it.
def run = { List<String> args ->
  def command = [System.getProperty('java.home') + '/bin/java', '-jar', netforgeJar] + args
  def process = command.execute(null, basedir)
  def out = new StringBuilder(), err = new StringBuilder()
  process.waitForProcessOutput(out, err)
  [process.exitValue(), out.toString(), err.toString()]
}
def (summaryExit, summary, summaryErr) = run(['summary', '--classpath', 'target/classes', 'com.example.TinyNet'])
assert summaryExit == 0 : summaryErr
assert summary.contains('Total parameters: 52,138')
// README's residual network of blocks: compiled with the project, its layers named after the block uses.
assert new File(basedir, 'target/classes/com/example/SmallResNetModel.class').isFile()
def (resNetExit, resNetSummary, resNetErr) = run(['summary', '--classpath', 'target/classes',
    'com.example.SmallResNet'])
assert resNetExit == 0 : resNetErr
assert resNetSummary.contains('layer2.downsample')
assert resNetSummary.contains('Total parameters: 38,346')
def (evaluateExit, evaluation, evaluateErr) = run(['evaluate', '--classpath', 'target/classes',
    '--weights', 'target/tinynet-run/tinynet.safetensors', '--offline', '--limit', '200', '--no-tune'])
assert evaluateExit == 0 : evaluation + evaluateErr
assert evaluation.contains('Evaluating TinyNet with the weights target/tinynet-run/tinynet.safetensors')
assert evaluation =~ /Accuracy: \d+\.\d\d% \(\d+ of 200 images correct\)/
def (predictExit, prediction, predictErr) = run(['predict', '--classpath', 'target/classes',
    '--weights', 'target/tinynet-run/tinynet.safetensors', '--no-tune', 'target/tinynet-run/first-test-image.png'])
assert predictExit == 0 : prediction + predictErr
assert prediction.contains('target/tinynet-run/first-test-image.png: 28x28')

// The ONNX file Main exported is one the ONNX project's checker accepts, where Python's onnx is installed.
def onnxFile = new File(basedir, 'target/tinynet-run/tinynet.onnx')
assert onnxFile.isFile() && onnxFile.length() > 200_000 // 52,138 float parameters
def python = new File('/usr/bin/python3').canExecute() ? '/usr/bin/python3' : 'python3'
def probe = [python, '-c', 'import onnx'].execute()
probe.waitFor()
if (probe.exitValue() == 0) {
  def check = [python, '-c', 'import sys, onnx; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)',
      onnxFile.path].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  check.waitForProcessOutput(out, err)
  assert check.exitValue() == 0 : err
}
