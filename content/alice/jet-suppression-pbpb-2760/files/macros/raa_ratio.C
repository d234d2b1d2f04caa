// raa_ratio.C -- builds the jet nuclear modification factor from the unfolded
// Pb-Pb spectrum of one centrality class and the pp reference cross section:
//   R_AA = (1 / N_evt dN/dpT) / (<T_AA> dsigma_pp/dpT)
//   root -b -q 'raa_ratio.C("spectra/pbpb_0_10.root","spectra/pp_2760.root",23.26)'
// <T_AA> is in mb^-1 (Glauber model, 0-10%: 23.26 mb^-1).
#include <TFile.h>
#include <TH1D.h>
#include <TCanvas.h>
#include <TLine.h>

void raa_ratio(const char* pbpb = "spectra/pbpb_0_10.root",
               const char* pp = "spectra/pp_2760.root",
               double taa = 23.26) {
  TFile* fa = TFile::Open(pbpb);
  TFile* fp = TFile::Open(pp);
  if (!fa || !fp) return;
  TH1D* yield = (TH1D*)fa->Get("hUnfolded");
  TH1D* xsec = (TH1D*)fp->Get("hCrossSection");
  if (!yield || !xsec) return;

  TH1D* raa = (TH1D*)yield->Clone("hRAA");
  TH1D* scaled = (TH1D*)xsec->Clone("hScaledPP");
  scaled->Scale(taa);
  raa->Divide(scaled);
  raa->SetTitle(";p_{T,jet} (GeV/#it{c});R_{AA}");
  raa->SetMinimum(0);
  raa->SetMaximum(1.2);

  TCanvas canvas("canvas", "", 700, 600);
  raa->SetMarkerStyle(21);
  raa->Draw("e1");
  TLine unity(raa->GetXaxis()->GetXmin(), 1, raa->GetXaxis()->GetXmax(), 1);
  unity.SetLineStyle(2);
  unity.Draw();
  canvas.SaveAs("raa_r02.pdf");
}
