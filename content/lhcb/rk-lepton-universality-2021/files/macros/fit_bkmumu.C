// fit_bkmumu.C -- unbinned maximum-likelihood fit of the K+mu+mu- mass in one
// q2 bin: Crystal Ball signal, exponential combinatorial background and a
// shape for partially reconstructed decays below the B mass.
//   root -b -q 'fit_bkmumu.C("ntuples/Bu2Kmumu_central_q2.root")'
#include <TFile.h>
#include <TTree.h>
#include <TCanvas.h>
#include <RooRealVar.h>
#include <RooDataSet.h>
#include <RooCBShape.h>
#include <RooExponential.h>
#include <RooArgusBG.h>
#include <RooAddPdf.h>
#include <RooPlot.h>

using namespace RooFit;

void fit_bkmumu(const char* input = "ntuples/Bu2Kmumu_central_q2.root", const char* tree = "DecayTree") {
  TFile* file = TFile::Open(input);
  if (!file || file->IsZombie()) return;
  TTree* t = (TTree*)file->Get(tree);

  RooRealVar mass("B_M", "m(K^{+}#mu^{+}#mu^{-})", 5100, 5700, "MeV/c^{2}");
  RooDataSet data("data", "data", t, RooArgSet(mass));

  RooRealVar mean("mean", "mean", 5279.3, 5270, 5290);
  RooRealVar sigma("sigma", "sigma", 18, 10, 30);
  RooRealVar alpha("alpha", "alpha", 1.8);
  RooRealVar n("n", "n", 3.0);
  RooCBShape signal("signal", "signal", mass, mean, sigma, alpha, n);

  RooRealVar slope("slope", "slope", -0.002, -0.01, 0.0);
  RooExponential combinatorial("combinatorial", "combinatorial", mass, slope);

  RooRealVar endpoint("endpoint", "endpoint", 5140);
  RooRealVar shape("shape", "shape", -20, -50, 0);
  RooArgusBG partial("partial", "partial", mass, endpoint, shape);

  RooRealVar nsig("nsig", "signal yield", 1000, 0, 1e6);
  RooRealVar ncomb("ncomb", "combinatorial yield", 200, 0, 1e6);
  RooRealVar npart("npart", "partially reconstructed yield", 100, 0, 1e6);
  RooAddPdf model("model", "model", RooArgList(signal, combinatorial, partial), RooArgList(nsig, ncomb, npart));

  model.fitTo(data, Extended(true), Save(true));

  TCanvas canvas("canvas", "", 700, 600);
  RooPlot* frame = mass.frame(Bins(24));
  data.plotOn(frame);
  model.plotOn(frame);
  model.plotOn(frame, Components("combinatorial"), LineStyle(kDashed));
  model.plotOn(frame, Components("partial"), LineStyle(kDotted));
  frame->Draw();
  canvas.SaveAs("fit_bkmumu.pdf");
}
